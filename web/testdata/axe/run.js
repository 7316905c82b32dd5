// Runs axe-core on the page and writes the violations into the DOM, where
// the Go test reads them with chromium --dump-dom. Injected by the test
// only: the page itself has no script.
axe.run(document, {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
  resultTypes: ["violations"],
}).then(
  (r) => report(r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }))),
  (err) => report({ error: String(err) }),
);

function report(value) {
  const out = document.createElement("pre");
  out.id = "axe-result";
  out.textContent = JSON.stringify(value);
  document.body.appendChild(out);
}
