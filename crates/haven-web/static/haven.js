// Haven's only script. Pages work without it; with it, a form marked data-partial="ID"
// is sent in the background and only the element with that id is replaced from the page the
// server returns, keeping the reader's place and focus.
"use strict";
document.addEventListener("submit", async (event) => {
  const form = event.target;
  const id = form.dataset.partial;
  if (!id || !window.fetch) return;
  event.preventDefault();
  const target = document.getElementById(id);
  if (!target) { form.submit(); return; }
  target.classList.add("busy");
  try {
    const method = (form.method || "get").toUpperCase();
    const body = new URLSearchParams(new FormData(form, event.submitter));
    const url = method === "GET" ? form.action.split("?")[0] + "?" + body : form.action;
    const response = await fetch(url, method === "GET" ? {} : { method, body });
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById(id);
    if (fresh) {
      target.replaceWith(fresh);
      const focus = fresh.querySelector("[role=alert], h2, [tabindex]") || fresh;
      if (!focus.hasAttribute("tabindex")) focus.setAttribute("tabindex", "-1");
      focus.focus();
      if (method === "GET") history.replaceState(null, "", url);
    } else {
      window.location.assign(response.url);
    }
  } catch (_) {
    form.submit();
  } finally {
    target.classList.remove("busy");
  }
});
