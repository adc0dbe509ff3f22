package org.coproduction.impact.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PrintableDiagramTest {

    private static final String WIDE = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-diagram__svg\" role=\"img\""
            + " aria-labelledby=\"d-title d-desc\" viewBox=\"0 0 1280 400\" width=\"1280\" height=\"400\">"
            + "<title id=\"d-title\">Pathway to impact</title><desc id=\"d-desc\">1 activity &amp; 2 outcomes</desc>"
            + "<rect x=\"10\" y=\"10\" width=\"100\" height=\"50\" fill=\"#3b1f5e\"/></svg>";

    @Test
    void aWideDiagramIsScaledToThePageWidthKeepingItsShape() {
        String pdf = PrintableDiagram.forPdf(WIDE);
        assertThat(pdf).contains("width=\"640\" height=\"200\"").contains("viewBox=\"0 0 1280 400\"");
        // Only the root's size changes: the shapes inside keep theirs.
        assertThat(pdf).contains("<rect x=\"10\" y=\"10\" width=\"100\" height=\"50\"");
    }

    @Test
    void aTallDiagramIsScaledToThePageHeightAndASmallOneIsNotEnlarged() {
        assertThat(new PrintableDiagram.Size(400, 1720).toFit(640, 860)).isEqualTo(new PrintableDiagram.Size(200, 860));
        assertThat(new PrintableDiagram.Size(300, 200).toFit(640, 860)).isEqualTo(new PrintableDiagram.Size(300, 200));
    }

    @Test
    void theAlternativeTextIsTheTitleAndTheDescription() {
        assertThat(PrintableDiagram.forPdf(WIDE)).contains("alt=\"Pathway to impact. 1 activity &amp; 2 outcomes\"");
        assertThat(PrintableDiagram.altText(WIDE)).isEqualTo("Pathway to impact. 1 activity & 2 outcomes");
    }

    @Test
    void theDiagramIsDrawnAsAPictureOfTheWidthAskedFor() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PrintableDiagram.png(WIDE, 640)));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(200);
        // The purple box is drawn (scaled by a half), on a white background.
        assertThat(image.getRGB(20, 15) & 0xffffff).isEqualTo(0x3b1f5e);
        assertThat(image.getRGB(600, 190) & 0xffffff).isEqualTo(0xffffff);
    }
}
