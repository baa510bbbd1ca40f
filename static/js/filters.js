/* Filters start folded on phones, so the results come first; the summary opens them.
   Without JavaScript they stay open, as the page is sent. A form showing errors stays
   open so the person sees what to correct. */
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 59.99rem)").matches) {
    return;
  }
  document.querySelectorAll("details[data-collapse-on-phone]").forEach(function (details) {
    if (!details.querySelector(".errorlist")) {
      details.open = false;
    }
  });
})();
