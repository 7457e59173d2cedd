/** A submitted form as @fastify/formbody parses it; read fields with `formField`. */
export type FormBody = Record<string, string | string[] | undefined> | undefined;
export type Query = Record<string, string | undefined>;

/** A single text field of a submitted form; repeated or missing fields read as empty. */
export function formField(body: FormBody, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}
