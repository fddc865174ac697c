// Test-only libraries that ship no TypeScript types: the parts the tests use.
declare module "@citation-js/core" {
  export class Cite {
    static async(input: string, options?: { forceType?: string }): Promise<{ data: Record<string, unknown>[] }>;
  }
}
declare module "@citation-js/plugin-ris";
declare module "datapackage" {
  const datapackage: { validate(descriptor: unknown): Promise<{ valid: boolean; errors: Error[] }> };
  export default datapackage;
}
