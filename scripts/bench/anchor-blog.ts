// The build-cost anchor: a bare Astro MDX blog (one content collection, one layout, no data, no charts) with a given
// number of pages, built in the same run as the site so the two per-page costs compare on the same machine state.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const WORDS = "the loop closes when a supplier funds a customer that buys its chips cloud capacity equity warrant backstop".split(" ");

/** Writes the blog into dir (inside the repository, so it resolves astro and @astrojs/mdx from its node_modules). */
export function writeAnchorBlog(dir: string, pages: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src/content/posts"), { recursive: true });
  mkdirSync(join(dir, "src/pages/posts"), { recursive: true });
  mkdirSync(join(dir, "src/layouts"), { recursive: true });
  writeFileSync(
    join(dir, "astro.config.mjs"),
    `import { defineConfig } from "astro/config";\nimport mdx from "@astrojs/mdx";\nexport default defineConfig({ integrations: [mdx()], telemetry: false });\n`,
  );
  writeFileSync(
    join(dir, "src/content.config.ts"),
    `import { defineCollection, z } from "astro:content";\nimport { glob } from "astro/loaders";\nexport const collections = { posts: defineCollection({ loader: glob({ pattern: "*.mdx", base: "./src/content/posts" }), schema: z.object({ title: z.string(), date: z.coerce.date() }) }) };\n`,
  );
  writeFileSync(
    join(dir, "src/layouts/Post.astro"),
    `---\nconst { title } = Astro.props;\n---\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body><main><h1>{title}</h1><slot /></main></body></html>\n`,
  );
  writeFileSync(
    join(dir, "src/pages/posts/[slug].astro"),
    `---\nimport { getCollection, render } from "astro:content";\nimport Post from "../../layouts/Post.astro";\nexport async function getStaticPaths() { return (await getCollection("posts")).map((post) => ({ params: { slug: post.id }, props: { post } })); }\nconst { post } = Astro.props;\nconst { Content } = await render(post);\n---\n<Post title={post.data.title}><Content /></Post>\n`,
  );
  let seed = 7;
  const word = () => WORDS[(seed = (seed * 48271) % 2147483647) % WORDS.length];
  for (let i = 0; i < pages; i++) {
    const paragraphs = Array.from({ length: 12 }, () => Array.from({ length: 90 }, word).join(" ") + ".");
    writeFileSync(
      join(dir, "src/content/posts", `post-${i + 1}.mdx`),
      `---\ntitle: "Post ${i + 1}"\ndate: 2026-01-01\n---\n\n## Argument\n\n${paragraphs.slice(0, 6).join("\n\n")}\n\n| a | b |\n| --- | ---: |\n| one | two |\n\n## Evidence\n\n${paragraphs.slice(6).join("\n\n")}\n`,
    );
  }
}
