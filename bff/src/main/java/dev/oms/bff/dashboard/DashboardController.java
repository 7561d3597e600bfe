package dev.oms.bff.dashboard;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' dashboard: the page at {@code /dashboard} (its script and style under {@code /dashboard/}) polls
 * {@code /dashboard/data}. Both are open, like the Prometheus scrape: they show aggregates and saga ids, never a
 * customer's data.
 */
@RestController
class DashboardController {
    private static final Resource PAGE = new ClassPathResource("static/dashboard/index.html");

    private final DashboardReader reader;

    DashboardController(DashboardReader reader) {
        this.reader = reader;
    }

    @GetMapping(path = "/dashboard", produces = MediaType.TEXT_HTML_VALUE)
    Resource page() {
        return PAGE;
    }

    @GetMapping(path = "/dashboard/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Dashboard> data() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(reader.read());
    }
}
