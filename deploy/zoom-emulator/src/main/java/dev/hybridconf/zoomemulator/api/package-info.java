/** Zoom's error shape ({@code {"code": n, "message": "..."}}) and the errors the emulated endpoints answer with. */
package dev.hybridconf.zoomemulator.api;
