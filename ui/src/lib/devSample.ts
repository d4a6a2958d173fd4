// Development only: scripts/run-app.sh (dev mode) sets VITE_LAOKE_SAMPLE=1, and then, while no
// real store exists, the app opens the sample shop by itself (the wizard's "Explore a sample
// shop", or the sample shop's login on later launches) — once per launch, and never again after
// the owner left it with "Start my real shop". Release builds and the E2E never set it.
let done = false;

/** True once, the first time it is asked in a development launch with the flag set. */
export function autoOpenSample(): boolean {
  if (done || import.meta.env.VITE_LAOKE_SAMPLE !== "1") return false;
  done = true;
  return true;
}

/** The owner left the sample shop: do not open it by itself again in this launch. */
export function sampleLeft() {
  done = true;
}
