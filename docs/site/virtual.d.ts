declare module 'virtual:convmat-search' {
  const entries: ReadonlyArray<{ url: string; page: string; heading: string; text: string }>;
  export default entries;
}
