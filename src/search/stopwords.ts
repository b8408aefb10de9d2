/**
 * The commonest words of three letters or more that say nothing about *which* problem a sentence describes, in
 * the portal's languages (English, Spanish, French), already folded. Shorter words ("a", "de", "la", "l") are left
 * out of queries anyway (see index.ts). Kept short on purpose: a word wrongly listed here can never find its
 * category, while a harmless word left out only costs a little noise (suggest() also weighs words by rarity).
 */
export const STOP_WORDS =
  /^(the|and|for|with|from|this|that|there|are|was|los|las|una|del|que|con|por|para|les|une|des|est|pour|dans|sur|par|avec)$/;
