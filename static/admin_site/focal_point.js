// The media library's focal point: click the subject on the image's preview to set "focal
// point across" and "focal point down" (images/admin.py). The numbers stay editable; the dot
// shows where they point. Narrow and square copies of the image are cut around this point.
"use strict";
(function () {
  function setUp(preview) {
    const across = document.getElementById("id_focal_x");
    const down = document.getElementById("id_focal_y");
    if (!across || !down) {
      return;
    }
    const frame = document.createElement("span");
    frame.className = "focal-picker";
    preview.parentNode.insertBefore(frame, preview);
    frame.appendChild(preview);
    const dot = document.createElement("span");
    dot.className = "focal-picker__dot";
    dot.setAttribute("aria-hidden", "true");
    frame.appendChild(dot);
    const hint = document.createElement("p");
    hint.className = "help";
    hint.textContent = "Click the subject of the picture to set the focal point.";
    frame.after(hint);

    function show() {
      dot.style.left = `${Number(across.value) || 0}%`;
      dot.style.top = `${Number(down.value) || 0}%`;
    }
    preview.addEventListener("click", (event) => {
      const box = preview.getBoundingClientRect();
      const x = Math.round(((event.clientX - box.left) / box.width) * 100);
      const y = Math.round(((event.clientY - box.top) / box.height) * 100);
      across.value = String(Math.min(100, Math.max(0, x)));
      down.value = String(Math.min(100, Math.max(0, y)));
      show();
    });
    across.addEventListener("input", show);
    down.addEventListener("input", show);
    show();
  }
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("img.image-preview").forEach(setUp);
  });
})();
