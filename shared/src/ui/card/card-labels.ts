import type { Relationship } from '../../contacts/contact-enums.schema';

// "Beides" stands for customer + supplier (DESIGN.md); every other relationship keeps its badge.
export type RelationshipBadge = Exclude<Relationship, 'customer' | 'supplier'> | 'customer' | 'supplier' | 'both';

const ORDER: readonly RelationshipBadge[] = ['customer', 'supplier', 'both', 'lead', 'partner'];

export function relationshipBadges(relationships: readonly Relationship[]): RelationshipBadge[] {
  const set = new Set<RelationshipBadge>(relationships);
  if (set.has('customer') && set.has('supplier')) {
    set.delete('customer');
    set.delete('supplier');
    set.add('both');
  }
  return ORDER.filter((badge) => set.has(badge));
}

export type BadgeColor = 'brand' | 'danger' | 'important' | 'informative' | 'severe' | 'subtle' | 'success' | 'warning';

export const RELATIONSHIP_COLORS: Record<RelationshipBadge, BadgeColor> = {
  customer: 'success',
  supplier: 'brand',
  both: 'brand',
  lead: 'warning',
  partner: 'important',
};

export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\s-]/gu, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}
