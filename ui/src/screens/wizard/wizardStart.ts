// Which step the first-run wizard opens on next: "create" when the owner left the sample shop
// with "Start my real shop" (one click to the real store's creation), else the welcome choice.
let next: "welcome" | "create" = "welcome";

export function openWizardAt(step: "welcome" | "create") {
  next = step;
}

/** The step to open on, once: later wizards start at the welcome choice again. */
export function takeWizardStart(): "welcome" | "create" {
  const step = next;
  next = "welcome";
  return step;
}
