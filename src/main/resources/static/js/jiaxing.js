// Sends the CSRF token with every htmx request (forms rendered by Thymeleaf carry it already).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Buttons marked data-print open the browser's print dialog (no inline scripts: CSP forbids them).
document.addEventListener('click', function (event) {
  var target = event.target.closest('[data-print]');
  if (target) {
    event.preventDefault();
    window.print();
  }
});
