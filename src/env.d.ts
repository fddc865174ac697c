declare namespace App {
  interface Locals {
    /** Set by the article page so MDX components know the file and the pinned dataset version. */
    article?: { file: string; dataset: string; frozen?: boolean };
  }
}
