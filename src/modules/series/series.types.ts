export interface Series {
  id: string;
  slug: string;
  title: string;
  description: string;
}
