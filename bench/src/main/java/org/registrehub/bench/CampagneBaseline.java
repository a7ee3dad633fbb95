package org.registrehub.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * {@link CampagneBench}'s baseline: what a plain program takes to do the campaign's output work alone — send the same
 * e-mails to the same SMTP server with a JavaMail loop on one connection, then write the same letters with PDFBox,
 * one page each, into as many files. What it sends and writes is read from the campaign's own output (the e-mails
 * the server received, the letter batches), before the clock starts.
 */
final class CampagneBaseline {

    /** How many e-mails or letters, in how long. */
    record Mesure(long nombre, double secondes) {
    }

    private CampagneBaseline() {
    }

    /** The median duration of an odd number of passes, in seconds. */
    static double mediane(List<Mesure> passes) {
        double[] s = passes.stream().mapToDouble(Mesure::secondes).sorted().toArray();
        return s[s.length / 2];
    }

    /** The e-mails the SMTP server receives, kept in a file as they arrive (length, then the raw message). */
    static final class Recueil implements AutoCloseable {
        private final DataOutputStream sortie;

        Recueil(Path fichier) throws IOException {
            this.sortie = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(fichier), 1 << 16));
        }

        synchronized void garder(byte[] message) throws IOException {
            sortie.writeInt(message.length);
            sortie.write(message);
        }

        @Override
        public synchronized void close() throws IOException {
            sortie.close();
        }
    }

    /** One e-mail as a plain program would have it: its recipient, subject, text and Message-ID. */
    private record Courriel(String de, String pour, String sujet, String texte, String id) {
    }

    /**
     * Sends again every e-mail kept in {@code recueil}, in a plain JavaMail loop: one session, one connection, each
     * message built from its fields (sender, recipient, subject, UTF-8 text) and sent. Timed from the connection to
     * the last message sent.
     */
    static Mesure courriels(Path recueil, String hote, int port) throws IOException, MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", hote);
        p.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(p);
        List<Courriel> courriels = new ArrayList<>();
        try (DataInputStream entree = new DataInputStream(new BufferedInputStream(Files.newInputStream(recueil),
                1 << 16))) {
            while (true) {
                int taille;
                try {
                    taille = entree.readInt();
                } catch (EOFException fin) {
                    break;
                }
                MimeMessage lu = new MimeMessage(session, new ByteArrayInputStream(entree.readNBytes(taille)));
                courriels.add(new Courriel(((InternetAddress) lu.getFrom()[0]).getAddress(),
                        ((InternetAddress) lu.getRecipients(Message.RecipientType.TO)[0]).getAddress(),
                        lu.getSubject(), (String) lu.getContent(), lu.getMessageID()));
            }
        }
        long debut = System.nanoTime();
        Transport t = session.getTransport("smtp");
        t.connect();
        try {
            for (Courriel c : courriels) {
                MimeMessage m = new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", c.id());
                    }
                };
                m.setFrom(new InternetAddress(c.de()));
                InternetAddress a = new InternetAddress(c.pour());
                m.setRecipient(Message.RecipientType.TO, a);
                m.setSubject(c.sujet(), "UTF-8");
                m.setText(c.texte(), "UTF-8");
                m.setSentDate(new java.util.Date());
                m.saveChanges();
                t.sendMessage(m, new InternetAddress[] {a});
            }
        } finally {
            t.close();
        }
        return new Mesure(courriels.size(), (System.nanoTime() - debut) / 1e9);
    }

    /**
     * Writes again, with PDFBox, the letters of every batch of {@code lots}: one A4 page per letter holding the same
     * lines (read from the batch's pages beforehand), one file per batch. Timed from the first page to the last file
     * saved.
     */
    static Mesure lettres(Path lots, Path sortie) throws IOException {
        List<List<List<String>>> fichiers = new ArrayList<>();
        if (Files.isDirectory(lots)) {
            try (Stream<Path> s = Files.list(lots)) {
                for (Path f : s.filter(x -> x.toString().endsWith(".pdf")).sorted().toList()) {
                    fichiers.add(pages(f));
                }
            }
        }
        Files.createDirectories(sortie);
        PDFont police = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        long lettres = 0;
        long debut = System.nanoTime();
        for (int i = 0; i < fichiers.size(); i++) {
            try (PDDocument pdf = new PDDocument()) {
                for (List<String> lignes : fichiers.get(i)) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    pdf.addPage(page);
                    try (PDPageContentStream c = new PDPageContentStream(pdf, page)) {
                        float y = PDRectangle.A4.getHeight() - 60;
                        for (String ligne : lignes) {
                            c.beginText();
                            c.setFont(police, 11);
                            c.newLineAtOffset(56, y);
                            c.showText(ligne);
                            c.endText();
                            y -= 15;
                        }
                    }
                    lettres++;
                }
                pdf.save(sortie.resolve("lot-" + i + ".pdf").toFile());
            }
        }
        return new Mesure(lettres, (System.nanoTime() - debut) / 1e9);
    }

    /** The text lines of each page of a batch. */
    private static List<List<String>> pages(Path fichier) {
        try (PDDocument pdf = Loader.loadPDF(fichier.toFile())) {
            PDFTextStripper texte = new PDFTextStripper();
            List<List<String>> pages = new ArrayList<>(pdf.getNumberOfPages());
            for (int n = 1; n <= pdf.getNumberOfPages(); n++) {
                texte.setStartPage(n);
                texte.setEndPage(n);
                pages.add(texte.getText(pdf).lines().filter(l -> !l.isBlank()).toList());
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("lot " + fichier + " illisible : " + e.getMessage(), e);
        }
    }
}
