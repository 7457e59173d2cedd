export interface Section {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  inNavigation: boolean;
}

export type SectionInput = Omit<Section, 'id'> & { id?: string };
