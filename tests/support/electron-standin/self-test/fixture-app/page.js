// Page script (allowed by the CSP): records whether the preload API existed
// before any page code ran, and shows what main pushes.
window.apiAtStart = typeof window.fixtureApi;
window.addEventListener('DOMContentLoaded', () => {
  window.fixtureApi.onPush((text) => {
    const item = document.createElement('li');
    item.textContent = text;
    document.getElementById('pushes').appendChild(item);
  });
  window.fixtureApi.onNotificationClicked((title) => {
    document.getElementById('clicked').textContent = `clicked:${title}`;
  });
});
