/** Pure codecs between external formats and the case model: public list. */
export {};
