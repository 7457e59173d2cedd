// The audience report's domain types, shared by its repository, its service and the newsroom page.

/** A section or author as the report names it and links to its filter. */
export interface NamedRef {
  id: string;
  slug: string;
  name: string;
}

export interface GroupViews extends NamedRef {
  views: number;
}
