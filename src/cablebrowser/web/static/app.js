// Copy-to-clipboard for citation boxes: a button with data-copy="ID" copies the text of element ID.
"use strict";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  // Fallback for plain-http pages: select a hidden textarea and copy it.
  return new Promise(function (resolve, reject) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    if (ok) { resolve(); } else { reject(new Error("copy refused")); }
  });
}

document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy]");
  if (!button) { return; }
  var source = document.getElementById(button.getAttribute("data-copy"));
  if (!source) { return; }
  copyText(source.textContent).then(function () {
    button.textContent = "Copied";
    button.classList.add("copied");
    setTimeout(function () { button.textContent = "Copy"; button.classList.remove("copied"); }, 2000);
  }, function () {
    button.textContent = "Select and copy";
  });
});

// Similar cables: a section with data-similar="URL" takes the list from that page
// (its #similar-list); until then, and without script, it links there.
function loadSimilar(section) {
  var url = section.getAttribute("data-similar");
  fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) { throw new Error("status " + response.status); }
    return response.text();
  }).then(function (html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var list = page.getElementById("similar-list");
    var link = section.querySelector(".similar-link");
    if (!list || !link) { return; }
    section.replaceChild(document.importNode(list, true), link);
  }).catch(function () {
    // The link stays: the list is one click away.
  });
}

document.addEventListener("DOMContentLoaded", function () {
  var sections = document.querySelectorAll("section[data-similar]");
  for (var i = 0; i < sections.length; i++) { loadSimilar(sections[i]); }
});
