// The image chooser (images/admin.py): when an image is picked in the library's pop-up, added
// with "+", or its number typed, the preview and title beside the field show it at once.
// Django's pop-ups announce the choice with a jQuery "change" event on the key's input.
"use strict";
(function () {
  function refresh(chooser, input) {
    const preview = chooser.querySelector(".image-chooser__preview");
    const id = input.value.trim();
    if (!/^\d+$/.test(id)) {
      preview.hidden = true;
      return;
    }
    const url = chooser.dataset.chosenUrl.replace(/\/0\/chosen\/$/, `/${id}/chosen/`);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .then((image) => {
        preview.hidden = !image;
        if (!image) {
          return;
        }
        preview.src = image.url;
        let label = chooser.querySelector("strong");
        if (!label) {  // a new form has no title yet: add one as Django would render it
          label = document.createElement("strong");
          chooser.append(" ", label);
        }
        const link = document.createElement("a");
        link.href = image.change_url;
        link.textContent = image.title;
        label.replaceChildren(link);
      });
  }
  document.addEventListener("DOMContentLoaded", () => {
    const jQuery = window.django && window.django.jQuery;
    document.querySelectorAll(".image-chooser").forEach((chooser) => {
      const input = chooser.querySelector("input.vForeignKeyRawIdAdminField");
      if (!input || !jQuery) {
        return;
      }
      jQuery(input).on("change", () => refresh(chooser, input));
    });
  });
})();
