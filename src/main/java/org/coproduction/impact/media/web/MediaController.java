package org.coproduction.impact.media.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.coproduction.impact.media.MediaFile;
import org.coproduction.impact.media.MediaLimits;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.SafeRedirect;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Serves stored files to the people of the organisation that owns them (a VIEWER only once the
 * item they belong to is published), and lets facilitators describe images.
 */
@Controller
class MediaController {

    private final MediaService media;

    MediaController(MediaService media) {
        this.media = media;
    }

    /**
     * The file itself, checked on every request. Only the content type it was stored with is sent,
     * browsers are told not to guess another, and anything but an image is a download.
     */
    @GetMapping("/media/{mediaId}")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER})
    ResponseEntity<byte[]> serve(Tenant tenant, @PathVariable UUID mediaId) {
        MediaService.Content content = media.content(tenant, mediaId);
        MediaFile file = content.file();
        ContentDisposition disposition = (file.isPhoto() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.filename(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(content.bytes().length)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    @GetMapping("/media/{mediaId}/description")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String showDescription(Tenant tenant, @PathVariable UUID mediaId, @RequestParam(defaultValue = "/") String back, Model model) {
        MediaFile file = photo(tenant, mediaId);
        String description = file.description();
        return page(file, description == null ? "" : description, back, FormErrors.none(), model);
    }

    @PostMapping("/media/{mediaId}/description")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String saveDescription(Tenant tenant, @PathVariable UUID mediaId, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "/") String back, Model model, RedirectAttributes redirect) {
        MediaFile file = photo(tenant, mediaId);
        String text = description.strip();
        FormErrors errors = FormErrors.none();
        if (text.isEmpty()) {
            errors = FormErrors.single("description", Ui.t("media.description.error.required"));
        } else if (text.length() > MediaLimits.DESCRIPTION) {
            errors = FormErrors.single("description", Ui.t("media.description.error.too-long", MediaLimits.DESCRIPTION));
        } else if (!media.describe(tenant, mediaId, text)) {
            errors = FormErrors.single("description", Ui.t("media.description.error.required"));
        }
        if (errors.any()) {
            return page(file, description, back, errors, model);
        }
        redirect.addFlashAttribute("notice", Ui.t("media.description.saved"));
        return "redirect:" + SafeRedirect.localPath(back);
    }

    private MediaFile photo(Tenant tenant, UUID mediaId) {
        return media.find(tenant, mediaId).filter(MediaFile::isPhoto).orElseThrow(() -> new NotFoundException("media"));
    }

    private String page(MediaFile file, String description, String back, FormErrors errors, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("description", description);
        model.addAttribute("back", SafeRedirect.localPath(back));
        model.addAttribute("errors", errors);
        return "media/description";
    }
}
