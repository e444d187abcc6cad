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
        document.querySelectorAll("[data-search-form]").forEach((form) => {
            const input = form.querySelector("[data-search-input]");
            form.addEventListener("change", (event) => {
                if (!event.target.matches("[data-filter]")) return;
                // On the home page there is no query yet: the choice waits for the first search.
                if (!input || input.value.trim() === "") return;
                if (typeof form.requestSubmit === "function") form.requestSubmit();
                else form.submit();
            });
        });
        // Keep the home page's filter panel open when the user already picked sections.
        document.querySelectorAll("[data-filters-disclosure]").forEach((details) => {
            if (details.querySelector("[data-filter]:checked")) details.open = true;
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
    // Reserved for the later autocomplete feature. Plan: the search input becomes an ARIA 1.2
    // combobox (role="combobox", aria-expanded, aria-controls a role="listbox" created here),
    // fetching suggestions from the server with a short debounce and AbortController.
    // Nothing is wired up yet, on purpose.
    function initSuggestions(/* input */) {}

    // ---------- start ----------

    function init() {
        initSlashShortcut();
        initSubmitState();
        initFilters();
        initArticleTarget();
        const input = searchInput();
        if (input) initSuggestions(input);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
