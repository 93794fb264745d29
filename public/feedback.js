// "这个回答对您有帮助吗？" without leaving the page: the same forms the page posts without
// JavaScript, sent with fetch; the answer's state (feedback-why / feedback-thanks) is shown by
// setting data-state, and focus moves to it so a screen reader announces it. The receipt the
// server returns is kept for the day in this browser only, so changing one's mind or adding a
// reason changes the vote instead of counting another.
for (const box of document.querySelectorAll("[data-feedback]")) {
  const forms = box.querySelectorAll("form");
  const page = box.querySelector('input[name="page"]')?.value ?? "";
  const key = `feedback:${page}`;
  const today = new Date().toISOString().slice(0, 10);
  const saved = () => {
    try {
      const { day, receipt } = JSON.parse(localStorage.getItem(key) ?? "{}");
      return day === today ? receipt : undefined;
    } catch {
      return undefined;
    }
  };
  for (const form of forms) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = new URLSearchParams(new FormData(form, event.submitter));
      body.set("format", "json");
      const receipt = saved();
      if (receipt) body.set("receipt", receipt);
      for (const button of form.querySelectorAll("button")) button.disabled = true;
      let state = "feedback-error";
      try {
        const res = await fetch(form.action, { method: "POST", body, headers: { Accept: "application/json" } });
        const answer = await res.json();
        if (res.ok) {
          state = answer.state;
          try {
            localStorage.setItem(key, JSON.stringify({ day: today, receipt: answer.receipt }));
          } catch {}
        } else box.querySelector(".feedback-error").textContent = answer.error ?? "提交失败，请稍后再试。";
      } catch {
        box.querySelector(".feedback-error").textContent = "网络连接失败，您的反馈没有保存。请稍后再试。";
      }
      for (const button of form.querySelectorAll("button")) button.disabled = false;
      box.dataset.state = state;
      document.getElementById(state)?.focus();
    });
  }
}
