// Draws the page's chart from its data block (JSON): French number format on the axis and in the tooltips, an
// accessible palette (the design system's high-contrast colours), a marker on every point (a one-month series stays
// visible), nothing drawn where a cell is masked (secret statistique). The same figures are in the table below it.
const bloc = document.getElementById('donnees-graphique');
const toile = document.getElementById('graphique');
if (bloc && toile && window.Chart) {
  const d = JSON.parse(bloc.textContent);
  const nombre = new Intl.NumberFormat('fr-FR');
  const couleurs = ['#000091', '#ce0500', '#18753c', '#695240', '#6e445a', '#3558a2'];
  new window.Chart(toile, {
    type: d.type,
    data: {
      labels: d.etiquettes,
      datasets: d.series.map((s, i) => ({
        label: s.libelle,
        data: s.valeurs,
        borderColor: couleurs[i % couleurs.length],
        backgroundColor: couleurs[i % couleurs.length],
        pointStyle: ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'][i % 6],
        pointHoverRadius: 7,
        borderWidth: 2,
        // a target drawn as a dashed line without markers
        borderDash: s.pointilles ? [8, 5] : [],
        pointRadius: s.pointilles ? 0 : 5,
        spanGaps: false
      }))
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'fr-FR',
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true } },
        tooltip: { callbacks: { label: c => `${c.dataset.label} : ${c.parsed.y === null ? 'secret' : nombre.format(c.parsed.y)}` } }
      },
      scales: {
        y: { beginAtZero: true, ticks: { precision: d.decimales ? 1 : 0, callback: v => nombre.format(v) } },
        x: { ticks: { autoSkip: true, maxRotation: 0 } }
      }
    }
  });
  toile.dataset.pret = 'oui';
}
