import type { MediaAsset } from '../media/index.js';

export interface Author {
  id: string;
  slug: string;
  name: string;
  email: string;
  jobTitle: string;
  bio: string;
  photo: MediaAsset | null;
}

export interface AuthorInput {
  id?: string;
  slug: string;
  name: string;
  email: string;
  jobTitle: string;
  bio: string;
  photoMediaId?: string | null;
}
