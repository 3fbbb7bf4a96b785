/** Ambient declarations for the Vite build: CSS imported for its side effect. */
declare module '*.css';
