import { tableOf } from './name-words.rules';
import { foldName } from './normalize.rules';

/**
 * Given names common among the people German firms write with: German, Austrian and Swiss names,
 * and those of the larger immigrant and neighbouring language groups (Turkish, Polish, Russian,
 * Italian, Spanish, Portuguese, French, English, Dutch, Scandinavian, Greek, Arabic) and a few
 * short East Asian ones. Compiled by hand from the usual first-name statistics; not complete, and
 * never needed to be: a name missing here only loses the weak "this is a person" signal where
 * nothing else gives one (a name from info@, a single word before an ambiguous legal form such
 * as "JENS AG", a section after a comma that could be a place). Brands that are also names
 * ("Mercedes", "Otto") are left out or are matched against the domain first. Folded (ä → ae).
 */
export const GIVEN_NAMES = new Set(
  tableOf(`
    Max, Moritz, Alexander, Andreas, Anton, Armin, Axel, Benedikt, Benjamin, Bernd, Bernhard, Björn
    Boris, Bruno, Carl, Carsten, Christian, Christoph, Claus, Daniel, David, Denis, Dennis, Dieter
    Dirk, Dominik, Edgar, Egon, Elias, Emil, Erich, Erik, Ernst, Erwin, Fabian, Felix, Ferdinand
    Florian, Frank, Franz, Friedrich, Fritz, Georg, Gerd, Gerhard, Gregor, Günter, Günther, Gustav
    Hannes, Hans, Harald, Hartmut, Heiko, Heiner, Heinrich, Heinz, Helmut, Hendrik, Henning, Henrik
    Herbert, Hermann, Holger, Horst, Hubert, Ingo, Jakob, Jan, Jannik, Jens, Joachim, Jochen, Johann
    Johannes, Jonas, Jörg, Josef, Julian, Julius, Jürgen, Kai, Karl, Karsten, Klaus, Konrad, Konstantin
    Kurt, Lars, Leon, Leonard, Lorenz, Lothar, Luca, Lukas, Lutz, Manfred, Marc, Marcel, Marco
    Marcus, Mario, Markus, Martin, Mathias, Matthias, Maximilian, Michael, Mirko, Nico, Niklas
    Nikolaus, Nils, Norbert, Olaf, Oliver, Oskar, Pascal, Patrick, Paul, Peter, Philipp, Rainer
    Ralf, Ralph, Reinhard, Reinhold, Rene, Richard, Robert, Roland, Rolf, Rüdiger, Rudolf, Sascha
    Sebastian, Siegfried, Simon, Sören, Stefan, Steffen, Stephan, Sven, Theo, Thilo, Thomas, Thorsten
    Tilo, Tim, Timo, Tobias, Tom, Torsten, Udo, Ulf, Ulrich, Uwe, Valentin, Viktor, Vincent, Volker
    Walter, Werner, Wilhelm, Wolfgang, Xaver, Jörn, Detlef, Gottfried, Leopold, Severin, Vinzenz
    Kilian, Korbinian, Quirin, Urs, Beat, Reto, Ueli, Adrian, Fabio, Gian, Silvan, Lino, Noah, Finn
    Ben, Paul, Emma, Mia, Hannah, Lea, Lena, Leonie, Lina, Marie, Sophie, Sophia, Laura, Lara, Anna
    Anne, Anja, Andrea, Angelika, Anke, Annette, Antje, Astrid, Barbara, Beate, Bettina, Birgit
    Brigitte, Carina, Carmen, Caroline, Charlotte, Christa, Christiane, Christina, Christine, Clara
    Claudia, Cornelia, Dagmar, Daniela, Diana, Doris, Dorothea, Edith, Elena, Elisabeth, Elke, Ella
    Elli, Emilia, Erika, Eva, Franziska, Frauke, Frieda, Gabi, Gabriele, Gerda, Gertrud, Gisela
    Gloria, Greta, Gudrun, Hanna, Hannelore, Heide, Heidi, Heike, Helene, Helga, Hildegard, Ilona
    Ines, Inga, Inge, Ingrid, Irene, Iris, Isabel, Isabella, Jana, Janina, Jasmin, Jessica, Johanna
    Josefine, Julia, Juliane, Jutta, Karin, Katharina, Kathrin, Katja, Katrin, Kerstin, Klara
    Kristina, Larissa, Leni, Lisa, Lotte, Luisa, Luise, Lydia, Magdalena, Maike, Manuela, Mareike
    Margarete, Margit, Maria, Marianne, Marina, Marion, Marlene, Martina, Melanie, Michaela, Miriam
    Monika, Nadine, Natalie, Nicole, Nina, Nora, Petra, Pia, Ramona, Rebecca, Regina, Renate, Rita
    Ronja, Rosa, Ruth, Sabine, Sabrina, Sandra, Sarah, Sara, Saskia, Silke, Silvia, Simone, Sonja
    Stefanie, Stephanie, Susanne, Svenja, Swantje, Tamara, Tanja, Tatjana, Theresa, Tina, Ulla
    Ulrike, Ursula, Ute, Valentina, Vanessa, Vera, Verena, Veronika, Viktoria, Waltraud, Wiebke
    Yvonne, Zoe, Mila, Ida, Frida, Romy, Amelie, Alina, Annika, Fiona, Helena, Jule, Maja, Paula
    Ahmet, Ali, Ayşe, Burak, Can, Deniz, Elif, Emine, Emre, Fatma, Hakan, Hatice, Hüseyin, İbrahim
    Ibrahim, Kemal, Leyla, Mehmet, Merve, Murat, Mustafa, Özlem, Selin, Serkan, Sibel, Tuba, Yusuf
    Zeynep, Ömer, Cem, Ayla, Aylin, Berk, Ece, Esra, Gül, Orhan, Osman, Tarık, Volkan
    Agnieszka, Anatol, Andrzej, Dariusz, Ewa, Grzegorz, Jacek, Joanna, Kasia, Katarzyna, Krzysztof
    Łukasz, Magda, Małgorzata, Marek, Marta, Paweł, Piotr, Tomasz, Wojciech, Zofia, Ilona, Irina
    Dmitri, Igor, Ivan, Iwan, Natalia, Natascha, Nikolai, Olga, Sergej, Sergei, Swetlana, Tatiana
    Vladimir, Wladimir, Yuri, Juri, Ludmila, Anastasia, Oksana, Olena, Taras, Milan, Dragan, Goran
    Ana, Giulia, Giuseppe, Giovanni, Francesca, Alessandro, Alessandra, Antonio, Chiara, Elena
    Federica, Francesco, Lorenzo, Luigi, Marco, Matteo, Paolo, Roberto, Sofia, Stefano, Valeria
    Carlos, Javier, José, Juan, Lucía, Luis, Manuel, Miguel, Pablo, Pedro, Rosa, Sergio, Isabel
    João, Joao, Inês, Rui, Tiago, Pierre, Jean, Jacques, Michel, Philippe, Nicolas, François
    Sophie, Camille, Chloé, Amélie, Claire, Isabelle, Nathalie, Julien, Mathieu, Hugo, Louis
    Charles, James, John, Robert, William, David, Richard, Joseph, George, Edward, Henry, Jack
    Harry, Chris, Christopher, Steve, Steven, Mark, Paul, Andrew, Matthew, Sean, Kevin, Brian
    Jennifer, Emily, Elizabeth, Mary, Sarah, Jessica, Kate, Katie, Emma, Olivia, Rachel, Amy, Lucy
    Joost, Pieter, Jeroen, Bram, Sanne, Anouk, Femke, Maarten, Willem, Jelle, Sander, Ruben
    Lars, Erik, Nils, Ole, Sven, Astrid, Ingrid, Kirsten, Sigrid, Karin, Mette, Henrik, Magnus
    Dimitrios, Georgios, Nikos, Eleni, Maria, Konstantinos, Yannis, Sofia, Kostas
    Mohammed, Mohamed, Muhammad, Ahmed, Ahmad, Hassan, Hussein, Omar, Khalid, Fatima, Aisha
    Karim, Samir, Yasmin, Amira, Nour, Rami, Tarek, Amit, Raj, Rahul, Priya, Anil, Sanjay, Vijay
    Li, Wei, Jing, Yan, Ming, Hui, Lei, Jun, Min, Kim, Ji, Hyun, Thi, An, Minh, Lan, Hoa, Duc
  `),
);

/** True for a common given name, or a double name whose parts all are ("Hans-Jürgen"). */
export function isGivenName(token: string): boolean {
  const parts = token.split(/[-‐]/).filter((part) => part !== '');
  return parts.length > 0 && parts.every((part) => GIVEN_NAMES.has(foldName(part)));
}
