// Follows a long run (an import, the renewal campaign) while it goes on: asks the hub for its state every second,
// moves the progress bar and its text (read by screen readers as it changes), and shows the final page when the run is
// over. Without JavaScript, the page's "Actualiser" link does the same by hand.
const zone = document.querySelector('[data-suivi]');
if (zone) {
  const barre = zone.querySelector('progress');
  const texte = zone.querySelector('[data-texte]');
  const base = zone.dataset.base;
  const tour = async () => {
    try {
      const r = await fetch(zone.dataset.suivi, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (r.ok) {
        const e = await r.json();
        if (e.trouve && zone.dataset.id && zone.dataset.id !== String(e.id)) {
          window.location.assign(`${base}/imports/${e.id}`);
          return;
        }
        if (e.trouve) {
          barre.value = e.pourcentage;
          texte.textContent = e.texte || `${e.pourcentage} % — ${e.position} ligne(s) lue(s) sur ${e.total}`;
          if (e.etat !== 'EN_COURS') {
            window.location.reload();
            return;
          }
        }
      }
    } catch (x) {
      // the hub restarts or the network hiccups: try again at the next turn
    }
    setTimeout(tour, 1000);
  };
  setTimeout(tour, 1000);
}
