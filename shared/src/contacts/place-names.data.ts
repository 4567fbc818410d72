import { tableOf } from './name-words.rules';
import { foldName } from './normalize.rules';

/**
 * Places that directories and signatures put after a name or a company ("Max Mustermann,
 * München", "Neue Firma GmbH (Hamburg)", "Neue Firma AG (CH)"): the German cities of more than
 * about 100,000 inhabitants and the state capitals (Destatis), the larger Austrian and Swiss
 * cities, the German names of neighbouring countries and regions, and the country codes and
 * sales regions used in Exchange directories. Only a section or bracket made entirely of these is
 * taken for a place; a person's name containing one ("Nina Hagen") is not touched. Folded.
 */
const PLACE_TEXT = `
    Berlin, Hamburg, München, Köln, Frankfurt, Frankfurt am Main, Stuttgart, Düsseldorf, Leipzig
    Dortmund, Essen, Bremen, Dresden, Hannover, Nürnberg, Duisburg, Bochum, Wuppertal, Bielefeld
    Bonn, Münster, Mannheim, Karlsruhe, Augsburg, Wiesbaden, Mönchengladbach, Gelsenkirchen, Aachen
    Braunschweig, Kiel, Chemnitz, Halle, Halle (Saale), Magdeburg, Freiburg, Freiburg im Breisgau
    Krefeld, Mainz, Lübeck, Erfurt, Oberhausen, Rostock, Kassel, Hagen, Potsdam, Saarbrücken, Hamm
    Ludwigshafen, Oldenburg, Mülheim, Osnabrück, Leverkusen, Darmstadt, Heidelberg, Solingen
    Herne, Neuss, Regensburg, Paderborn, Ingolstadt, Offenbach, Fürth, Würzburg, Ulm, Heilbronn
    Pforzheim, Wolfsburg, Göttingen, Bottrop, Reutlingen, Koblenz, Bremerhaven, Recklinghausen
    Erlangen, Bergisch Gladbach, Remscheid, Jena, Trier, Salzgitter, Moers, Siegen, Hildesheim
    Cottbus, Schwerin, Gütersloh, Kaiserslautern, Witten, Iserlohn, Zwickau, Ratingen, Esslingen
    Wien, Graz, Linz, Salzburg, Innsbruck, Klagenfurt, Villach, Wels, St. Pölten, Dornbirn, Bregenz
    Zürich, Genf, Basel, Bern, Lausanne, Winterthur, Luzern, St. Gallen, Lugano, Biel, Zug, Vaduz
    Deutschland, Österreich, Schweiz, Liechtenstein, Luxemburg, Niederlande, Belgien, Frankreich
    Italien, Spanien, Polen, Tschechien, Dänemark, Schweden, Norwegen, Finnland, Großbritannien
    England, Irland, USA, Germany, Austria, Switzerland, Suisse, Svizzera, Netherlands, France
    Italy, Spain, Poland, Denmark, Sweden, United Kingdom, Europe, Europa
    Bayern, Baden-Württemberg, Hessen, Sachsen, Thüringen, Niedersachsen, Nordrhein-Westfalen, NRW
    Rheinland-Pfalz, Saarland, Schleswig-Holstein, Brandenburg, Mecklenburg-Vorpommern
    Sachsen-Anhalt, Tirol, Vorarlberg, Kärnten, Steiermark, Niederösterreich, Oberösterreich
    Nord, Süd, Ost, West, Nordost, Nordwest, Südost, Südwest, Mitte
    DE, AT, CH, LI, LU, NL, BE, FR, IT, ES, PL, CZ, DK, SE, NO, FI, UK, GB, IE, US, EU, DACH, EMEA
    APAC, AMER, LATAM, Benelux, Nordics, International, Global, Worldwide, Weltweit
  `;

/** The places as written (for patterns over unfolded text, e.g. the company key). */
export const PLACE_NAMES: readonly string[] = PLACE_TEXT.split(/[\n,]/)
  .map((entry) => entry.trim())
  .filter((entry) => entry !== '');

const PLACES = new Set(tableOf(PLACE_TEXT));

/** True for text that is only a place, a country, a region or a country code ("München", "(CH)"). */
export function isPlace(text: string): boolean {
  return PLACES.has(foldName(text));
}
