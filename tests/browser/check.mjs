// Load rendered statements in headless Chromium, run axe-core for WCAG 2.2 A and AA, check
// that no script from statement text ran, and take screenshots.
//
// Usage: node check.mjs JOB.json
//   JOB.json: {"chromium": "/usr/bin/chromium", "report": "report.json",
//              "pages": [{"name": "...", "path": "/abs/page.html",
//                         "views": [{"width": 390, "height": 844, "colorScheme": "dark",
//                                    "screenshots": [{"path": "/abs/page.png",
//                                                     "fullPage": true,
//                                                     "selector": ".pcc-chart"}]}]}]}
// Each page is loaded once and looked at in each of its views (a viewport width and a
// colour scheme; by default 1280 px, light): axe-core, the page's widths, screenshots (of the
// viewport, the full page, or the first element a selector finds).
// Writes the report (one entry per page) and exits 0; the Python test judges the report.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// Without the background-networking flags Chromium tries to reach the network, which the
// closed network refuses.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const profile = mkdtempSync(join(tmpdir(), "pcc-chromium-"));
const report = [];
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: job.chromium,
    headless: true,
    args: FLAGS,
    // The page's Content Security Policy would stop any injected script anyway; bypass it so
    // that the escaping alone is tested, and so that axe-core can be injected.
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    offline: true,
  });
  for (const entry of job.pages) {
    const page = await context.newPage();
    const dialogs = [];
    const errors = [];
    const requests = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("request", (request) => {
      if (!request.url().startsWith("file:")) requests.push(request.url());
    });
    await page.goto(pathToFileURL(entry.path).href, { waitUntil: "load" });
    // Before axe-core is injected: the page as published.
    const published = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll("*"));
      return {
        scriptRan: window.__pccScriptRan === true,
        scripts: document.querySelectorAll("script").length,
        handlers: all
          .flatMap((element) => Array.from(element.attributes))
          .filter((attribute) => attribute.name.toLowerCase().startsWith("on"))
          .map((attribute) => attribute.name),
        javascriptLinks: Array.from(document.querySelectorAll("[href], [src], [action]"))
          .map((element) => element.getAttribute("href") ?? element.getAttribute("src") ?? "")
          .filter((value) => /^\s*javascript:/i.test(value)),
        // The renderer's own charts are inline SVG; any other embedded content came from text.
        embedded: document.querySelectorAll(
          "img, iframe, object, embed, svg:not(.pcc-chart-body > svg), math, form",
        ).length,
        charts: document.querySelectorAll(".pcc-chart-body > svg").length,
        text: document.body.innerText,
        h1: document.querySelectorAll("h1").length,
        lang: document.documentElement.lang,
      };
    });
    await page.evaluate(AXE_SOURCE);
    const views = [];
    for (const view of entry.views ?? [{}]) {
      const width = view.width ?? 1280;
      const colorScheme = view.colorScheme ?? "light";
      await page.setViewportSize({ width, height: view.height ?? 900 });
      await page.emulateMedia({ colorScheme });
      const axe = await page.evaluate(
        (tags) =>
          window.axe.run(document, {
            runOnly: { type: "tag", values: tags },
            resultTypes: ["violations"],
          }),
        WCAG_TAGS,
      );
      const widths = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        // What sticks out past the right edge of the page: the first few, for the message.
        wide: Array.from(document.querySelectorAll("body *"))
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((element) => {
            for (let outer = element.parentElement; outer; outer = outer.parentElement) {
              if (getComputedStyle(outer).overflowX !== "visible") return false;
            }
            return true;
          })
          .slice(0, 5)
          .map((element) => element.outerHTML.slice(0, 120)),
      }));
      for (const shot of view.screenshots ?? []) {
        if (shot.selector) {
          await page.locator(shot.selector).first().screenshot({ path: shot.path });
        } else {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: shot.path, fullPage: shot.fullPage ?? false });
        }
      }
      views.push({
        width,
        colorScheme,
        ...widths,
        axeVersion: axe.testEngine.version,
        passes: axe.passes.length,
        violations: axe.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          nodes: violation.nodes.map((node) => ({
            target: node.target,
            html: node.html,
            summary: node.failureSummary,
          })),
        })),
      });
    }
    report.push({ name: entry.name, ...published, dialogs, errors, requests, views });
    await page.close();
  }
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
writeFileSync(job.report, JSON.stringify(report, null, 2));
