// The import page: follows a running import's progress, then reloads the page to show its result.
(function () {
    const box = document.getElementById('import-progress');
    if (!box) return;
    const bar = document.getElementById('import-bar');
    const stage = document.getElementById('import-stage');
    const meter = box.querySelector('[role="progressbar"]');
    async function poll() {
        try {
            const response = await fetch(box.dataset.statusUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
            if (response.ok) {
                const status = await response.json();
                bar.style.width = status.percent + '%';
                meter.setAttribute('aria-valuenow', String(status.percent));
                stage.textContent = status.stageText;
                if (status.finished) {
                    window.location.reload();
                    return;
                }
            }
        } catch (e) {
            // A dropped poll is retried at the next tick.
        }
        setTimeout(poll, 1000);
    }
    poll();
})();
