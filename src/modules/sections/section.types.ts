export interface Section {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  inNavigation: boolean;
  /** The edition it belongs to; its slug is unique within that edition (migration 0028). */
  editionId: string;
}

/** A section to write; without an edition it belongs to the default one. */
export type SectionInput = Omit<Section, 'id' | 'editionId'> & { id?: string; editionId?: string };
