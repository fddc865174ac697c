// Every page's social card as a PNG (src/page-data/social-cards.ts says which pages get one and what it says).
import type { APIRoute } from "astro";
import { currentRelease } from "../../../dataset/index.ts";
import { publishedArticles } from "../../../articles/collection.ts";
import { socialCards, type SocialCard } from "../../../page-data/social-cards.ts";
import { socialCardPng } from "../../../render/social-card.ts";

export async function getStaticPaths() {
  return socialCards(currentRelease(), await publishedArticles()).map((card) => ({ params: { kind: card.kind, id: card.id }, props: { card } }));
}

export const GET: APIRoute = ({ props }) => {
  const { card } = props as { card: SocialCard };
  return new Response(socialCardPng(card.content, card.width) as BodyInit, { headers: { "Content-Type": "image/png" } });
};
