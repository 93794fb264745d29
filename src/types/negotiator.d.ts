// negotiator 1.x's encodings() takes the server's preferred order to break ties between
// encodings a client rates equally; @types/negotiator (0.6) predates that argument.
declare module "negotiator" {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    encodings(available?: readonly string[], options?: { preferred?: readonly string[] }): string[];
  }
}
