// The share box's "复制链接" button: hidden in the HTML and revealed here, only where the
// browser lets a page write to the clipboard. The link itself stays visible and selectable.
for (const button of document.querySelectorAll("button[data-copy-link]")) {
  if (!navigator.clipboard?.writeText) continue;
  const status = document.getElementById(button.dataset.copyStatus);
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink);
      status.textContent = "已复制链接";
    } catch {
      status.textContent = "无法复制，请选中上面的链接手动复制";
    }
  });
}
