export interface Tag {
  id: string;
  slug: string;
  name: string;
}
