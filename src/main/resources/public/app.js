// medsearch progressive enhancement. Every page works without this file; each feature below
// checks for its elements first, so a page that lacks them is left untouched.
(() => {
    "use strict";

    const searchInput = () => document.querySelector("[data-search-input]");

    // ---------- '/' focuses the search box ----------

    function isTypingTarget(el) {
        if (!el) return false;
        const tag = el.tagName;
        return el.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
    }

    function initSlashShortcut() {
        document.addEventListener("keydown", (event) => {
            if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
            if (isTypingTarget(document.activeElement)) return;
            const input = searchInput();
            if (!input) return;
            event.preventDefault();
            input.focus();
            input.select();
        });
    }

    // ---------- loading state on submit ----------

    function setBusy(form, busy) {
        const main = document.querySelector("main");
        if (main) main.setAttribute("aria-busy", String(busy));
        form.setAttribute("aria-busy", String(busy));
        document.body.classList.toggle("is-loading", busy);
    }

    function initSubmitState() {
        const forms = document.querySelectorAll("[data-search-form]");
        forms.forEach((form) => {
            form.addEventListener("submit", (event) => {
                const input = form.querySelector("[data-search-input]");
                // An empty search would only reload the home page: keep the user where they are.
                if (input && input.value.trim() === "") {
                    event.preventDefault();
                    input.focus();
                    return;
                }
                setBusy(form, true);
            });
        });
        // Coming back with the browser's Back button restores the page from cache, still "loading".
        window.addEventListener("pageshow", (event) => {
            if (event.persisted) forms.forEach((form) => setBusy(form, false));
        });
    }

    // ---------- section filter: apply as soon as a chip changes ----------

    function initFilters() {
        // Filter checkboxes may sit outside their form (the results page's filter column): they name it
        // with form="...", so listen on the document and submit the checkbox's own form.
        document.addEventListener("change", (event) => {
            if (!event.target.matches("[data-filter]")) return;
            const form = event.target.form;
            if (!form) return;
            const input = form.querySelector("[data-search-input]");
            // On the home page there is no query yet: the choice waits for the first search.
            if (!input || input.value.trim() === "") return;
            if (typeof form.requestSubmit === "function") form.requestSubmit();
            else form.submit();
        });
        // Keep the home page's filter panel open when the user already picked sections.
        document.querySelectorAll("[data-filters-disclosure]").forEach((details) => {
            if (details.querySelector("[data-filter]:checked")) details.open = true;
        });
        // Beside the results on a wide screen the filters are always shown; on a phone they wait behind
        // the 'Filters' button (the same <details>, so it works without this script too).
        const panel = document.querySelector("[data-filters-panel]");
        if (panel) {
            const wide = window.matchMedia("(min-width: 52.01rem)");
            const apply = () => { panel.open = wide.matches; };
            apply();
            wide.addEventListener("change", apply);
        }
    }

    // ---------- article page: copy a link to a section ----------

    function initCopyLinks() {
        document.querySelectorAll("[data-copy-link]").forEach((link) => {
            const label = link.querySelector("[data-copy-label]");
            const initial = label ? label.textContent : "";
            link.addEventListener("click", async (event) => {
                event.preventDefault();
                // The article and section only: the reader's own search (?q=) stays out of a shared link.
                const url = window.location.origin + window.location.pathname + link.getAttribute("href");
                let copied = false;
                try {
                    if (navigator.clipboard && window.isSecureContext) {
                        await navigator.clipboard.writeText(url);
                        copied = true;
                    }
                } catch (e) {
                    copied = false;
                }
                if (!copied) history.replaceState(null, "", link.getAttribute("href"));
                link.setAttribute("data-copied", String(copied));
                const message = copied ? "Link copied" : "Link in the address bar";
                if (label) label.textContent = message;
                // Said by screen readers: the link's own text changing is not announced.
                const status = link.closest("section") && link.closest("section").querySelector("[data-copy-status]");
                if (status) status.textContent = message;
                window.setTimeout(() => {
                    if (label) label.textContent = initial;
                    link.removeAttribute("data-copied");
                }, 2500);
            });
        });
    }

    // ---------- article page: bring the linked section into view and to screen readers ----------

    function targetSection() {
        const id = decodeURIComponent(window.location.hash.slice(1));
        if (!id) return null;
        const el = document.getElementById(id);
        return el && el.classList.contains("article-section") ? el : null;
    }

    function markTocLocation(section) {
        document.querySelectorAll(".toc-list a").forEach((link) => {
            if (section && link.getAttribute("href") === "#" + section.id) {
                link.setAttribute("aria-current", "location");
            } else {
                link.removeAttribute("aria-current");
            }
        });
    }

    function focusTargetSection() {
        const section = targetSection();
        markTocLocation(section);
        if (!section) return;
        // Sections carry tabindex="-1", so focus moves the reading position without a tab stop.
        section.focus({ preventScroll: true });
        const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        section.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "start" });
    }

    function initArticleTarget() {
        if (!document.querySelector(".article-section")) return;
        focusTargetSection();
        window.addEventListener("hashchange", focusTargetSection);
    }

    // ---------- suggestions as you type (combobox) ----------
    // The search input becomes an ARIA 1.2 combobox: the list of completions is a listbox the input
    // controls; the highlighted option is announced through aria-activedescendant, so focus never
    // leaves the input. Requests are debounced and a newer keystroke aborts the older request.

    const DEBOUNCE_MS = 150;

    function initSuggestions(input) {
        const form = input.closest("form");
        const field = input.closest(".search-field");
        if (!form || !field || !window.fetch) return;
        const listId = input.id + "-suggestions";
        const list = document.createElement("ul");
        list.id = listId;
        list.className = "suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggestions");
        list.hidden = true;
        field.appendChild(list);
        const status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        field.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        let timer = 0;
        let pending = null;
        let active = -1;
        let typed = input.value;

        const options = () => Array.from(list.querySelectorAll("[role=option]"));

        function close() {
            list.hidden = true;
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function highlight(index) {
            const all = options();
            active = index;
            all.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
            if (index >= 0 && all[index]) {
                input.setAttribute("aria-activedescendant", all[index].id);
                input.value = all[index].dataset.value;
                all[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
                input.value = typed;
            }
        }

        function render(prefix, suggestions) {
            list.textContent = "";
            suggestions.forEach((text, i) => {
                const li = document.createElement("li");
                li.id = listId + "-" + i;
                li.className = "suggestion";
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", "false");
                li.dataset.value = text;
                // The part already typed stays plain; the completion is bold, as search engines show it.
                const n = text.toLowerCase().startsWith(prefix.toLowerCase()) ? prefix.length : 0;
                li.appendChild(document.createTextNode(text.slice(0, n)));
                const rest = document.createElement("b");
                rest.textContent = text.slice(n);
                li.appendChild(rest);
                list.appendChild(li);
            });
            active = -1;
            if (suggestions.length === 0) {
                close();
                status.textContent = "";
                return;
            }
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
            input.removeAttribute("aria-activedescendant");
            status.textContent = suggestions.length + (suggestions.length === 1 ? " suggestion" : " suggestions")
                + " available; use the up and down arrows to choose.";
        }

        function fetchSuggestions() {
            const prefix = input.value;
            if (pending) pending.abort();
            if (prefix.trim() === "") {
                render(prefix, []);
                return;
            }
            pending = new AbortController();
            fetch("/api/suggest?q=" + encodeURIComponent(prefix), { signal: pending.signal, headers: { Accept: "application/json" } })
                .then((r) => (r.ok ? r.json() : { suggestions: [] }))
                .then((body) => {
                    if (input.value === prefix && document.activeElement === input) render(prefix, body.suggestions || []);
                })
                .catch(() => { /* aborted or offline: the box keeps working as a plain input */ });
        }

        function choose(option) {
            input.value = option.dataset.value;
            close();
            if (typeof form.requestSubmit === "function") form.requestSubmit();
            else form.submit();
        }

        input.addEventListener("input", () => {
            typed = input.value;
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", (event) => {
            const all = options();
            const open = !list.hidden && all.length > 0;
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (!open) {
                    if (event.key === "ArrowDown" && input.value.trim() !== "") {
                        event.preventDefault();
                        typed = input.value;
                        fetchSuggestions();
                    }
                    return;
                }
                event.preventDefault();
                const step = event.key === "ArrowDown" ? 1 : -1;
                // Past either end the highlight returns to what was typed, as in browsers' own boxes.
                let next = active + step;
                if (next >= all.length) next = -1;
                if (next < -1) next = all.length - 1;
                highlight(next);
            } else if (event.key === "Enter") {
                if (open && active >= 0) {
                    event.preventDefault();
                    choose(all[active]);
                } else {
                    close();
                }
            } else if (event.key === "Escape") {
                if (open) {
                    event.preventDefault();
                    highlight(-1);
                    close();
                }
            } else if (event.key === "Tab") {
                close();
            }
        });

        // mousedown would blur the input before the click lands: keep the focus, choose on click.
        list.addEventListener("mousedown", (event) => event.preventDefault());
        list.addEventListener("click", (event) => {
            const option = event.target.closest("[role=option]");
            if (option) choose(option);
        });
        input.addEventListener("blur", () => close());
    }

    // ---------- start ----------

    function init() {
        initSlashShortcut();
        initSubmitState();
        initFilters();
        initArticleTarget();
        initCopyLinks();
        const input = searchInput();
        if (input) initSuggestions(input);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
