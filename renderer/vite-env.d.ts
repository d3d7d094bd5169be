/// <reference types="vite/client" />

// CSS imports, `import.meta.env` and other Vite module types for the renderer.
