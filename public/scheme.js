// The colour scheme the reader chose (浅色 / 深色 / 跟随系统), remembered in localStorage.
// Loaded without defer in <head>, so the choice is on <html> before anything is painted: no
// flash of the other scheme. Without JavaScript the stylesheet follows the system.
const KEY = "color-scheme";
const CHOICES = ["light", "dark", "system"];
const root = document.documentElement;

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage blocked: follow the system
  }
}

function apply(choice) {
  if (choice === "light" || choice === "dark") root.dataset.scheme = choice;
  else delete root.dataset.scheme;
}

let current = CHOICES.includes(stored()) ? stored() : "system";
apply(current);

document.addEventListener("DOMContentLoaded", () => {
  const buttons = document.querySelectorAll("button[data-scheme-choice]");
  const show = () => {
    for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.schemeChoice === current));
  };
  for (const button of buttons) {
    button.addEventListener("click", () => {
      current = button.dataset.schemeChoice;
      try {
        if (current === "system") localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, current);
      } catch {
        // not remembered, but this page still switches
      }
      apply(current);
      show();
    });
  }
  show();
  for (const control of document.querySelectorAll(".scheme-switch")) control.hidden = false;
});
