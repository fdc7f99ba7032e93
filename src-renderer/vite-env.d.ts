/// <reference types="vite/client" />
// Vite's client types: CSS and asset imports in the renderer.
