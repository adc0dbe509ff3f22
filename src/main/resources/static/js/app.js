// Progressive enhancement only: every page works without this file.
import { initAll } from '/vendor/govuk-frontend/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// "Print this invitation" buttons, which are hidden without JavaScript (the browser's own print still works).
for (const button of document.querySelectorAll('[data-app-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
