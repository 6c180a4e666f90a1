// Registers the offline page's service worker. Under the CSP's Trusted Types a script URL needs a
// policy; this one lets through nothing but our own /sw.js.
const SERVICE_WORKER = "/sw.js";

interface ScriptUrlPolicy {
  createScriptURL(url: string): string;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  const factory = (window as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  const url = factory
    ? factory
        .createPolicy("service-worker", {
          createScriptURL: (wanted) => {
            if (wanted !== SERVICE_WORKER) throw new TypeError(`not our service worker: ${wanted}`);
            return wanted;
          },
        })
        .createScriptURL(SERVICE_WORKER)
    : SERVICE_WORKER;
  // The portal works the same without it (an old browser, a private window): nothing to report.
  navigator.serviceWorker.register(url, { scope: "/" }).catch(() => undefined);
}
