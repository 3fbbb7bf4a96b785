/** Red-line check, diff and zone of agreement: public list. */
export {};
