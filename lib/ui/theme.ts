// The colour theme: the user's choice is kept in localStorage; "system" follows the OS.
export type ThemeChoice = "light" | "dark" | "system";
export const THEME_STORAGE_KEY = "flowprint.theme";

/**
 * Runs in <head> before the first paint (as an inline script), so a dark page never flashes
 * light. Kept as a string: it must not depend on the bundle.
 */
export const THEME_INIT_SCRIPT = `(function(){try{var c=localStorage.getItem("${THEME_STORAGE_KEY}");var d=c==="dark"||(c!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;

export function resolveDark(choice: ThemeChoice, systemDark: boolean): boolean {
  return choice === "dark" || (choice === "system" && systemDark);
}
