/** Each language's texts, built from renderer/i18n/sources/*.json (scripts/vite-i18n.ts). */
declare module 'virtual:i18n-texts/*' {
  type Tree = { [key: string]: string | Tree };
  const texts: Tree;
  export default texts;
}
