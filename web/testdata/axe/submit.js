// Types a question in the search box and submits the form, as a person
// would. Injected by the test only: the page itself has no script.
const question = new URL(document.currentScript.src).searchParams.get("question");
window.addEventListener("load", () => {
  document.getElementById("q").value = question;
  document.querySelector("form[role=search] button[type=submit]").click();
});
