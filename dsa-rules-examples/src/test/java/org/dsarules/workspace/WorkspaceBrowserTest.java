package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.dsarules.DsaRules;
import org.dsarules.decision.Outcome;
import org.dsarules.workspace.web.WorkspaceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workspace as a practice manager uses it, in real headless Chromium driven through Debian's
 * chromedriver: open the printed address, import the sample register, correct a fact and see the
 * decision change; axe-core (from its webjar, injected into each page) finds no serious or critical
 * violation on any page. Skipped where chromium or chromedriver is not installed (CI installs both).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SAMPLE = Path.of("samples/millbrook-register.json").toAbsolutePath();

    @TempDir
    static Path dir;
    static DsaRules rules;
    static Workspace workspace;
    static WorkspaceServer server;
    static WebDriver browser;
    static String axe;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed at " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)");
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        rules = DsaRules.defaults();
        workspace = Workspace.open(dir.resolve("data"), rules);
        server = WorkspaceServer.start(workspace, 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        axe = axeSource();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
            workspace.close();
            rules.close();
        }
    }

    /** axe-core's script from its webjar, found by the version the webjar's own pom.properties gives. */
    static String axeSource() throws IOException {
        Properties p = new Properties();
        ClassLoader cl = WorkspaceBrowserTest.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            p.load(in);
        }
        try (InputStream in = cl.getResourceAsStream("META-INF/resources/webjars/axe-core/" + p.getProperty("version") + "/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** axe-core run on the page as it is: no serious or critical violation. */
    static void accessible(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object found = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
                + ".join('\\n'))).catch(e => done('axe failed: ' + e));");
        assertEquals("", found, page + ": serious or critical accessibility violations");
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void importCorrectAFactAndSeeTheDecisionChange() {
        String base = "http://127.0.0.1:" + server.port();
        browser.get(server.address());
        assertEquals(base + "/", browser.getCurrentUrl(), "the token is not left in the address bar");
        accessible("dashboard, empty");

        browser.get(base + "/import");
        browser.findElement(By.id("file")).sendKeys(SAMPLE.toString());
        browser.findElement(By.id("import")).click();
        waiting().until(d -> !d.findElements(By.id("import-report")).isEmpty());
        String report = browser.findElement(By.id("import-report")).getText();
        assertTrue(report.contains("version 1 of Z99042"), report);
        accessible("import report");

        browser.get(base + "/");
        accessible("dashboard");
        browser.get(base + "/practices/Z99042/register");
        accessible("register");
        // The filter updates the table in place (htmx).
        new Select(browser.findElement(By.id("f-outcome"))).selectByValue("WITHDRAW");
        waiting().until(d -> d.findElements(By.cssSelector("#agreements [data-outcome]")).stream()
                .allMatch(e -> "WITHDRAW".equals(e.getDomAttribute("data-outcome"))));

        // An agreement that a known commercial access would change: found by the rules, not assumed.
        Registers.Row target = null;
        Outcome expected = null;
        for (Registers.Row r : workspace.current("Z99042", workspace.today()).rows()) {
            if (Boolean.TRUE.equals(r.agreement().commercialAccess())) {
                continue;
            }
            Outcome o = rules.decide(r.agreement().toBuilder().commercialAccess(true).build(), workspace.today()).outcome();
            if (o != r.decision().outcome()) {
                target = r;
                expected = o;
                break;
            }
        }
        assertTrue(target != null, "the sample has an agreement that commercial access would change");
        browser.get(base + "/practices/Z99042/agreements/" + target.dsaId());
        assertEquals(target.decision().outcome().name(), browser.findElement(By.id("outcome")).getDomAttribute("data-outcome"));
        accessible("agreement");
        browser.findElement(By.linkText("Correct the facts")).click();
        accessible("edit form");
        new Select(browser.findElement(By.id("f-commercialAccess"))).selectByValue("true");
        browser.findElement(By.id("comment")).sendKeys("the DSA's schedule 2 allows licensing");
        browser.findElement(By.id("save")).click();
        waiting().until(d -> d.getCurrentUrl().contains("saved="));
        String now = browser.findElement(By.id("outcome")).getDomAttribute("data-outcome");
        assertEquals(expected.name(), now, "decided again at once");
        assertNotEquals(target.decision().outcome().name(), now);
        assertTrue(browser.findElement(By.id("history")).findElement(By.xpath("..")).getText().contains("commercialAccess"));

        browser.get(base + "/practices/Z99042/diff");
        assertTrue(browser.findElement(By.id("changes")).getText().contains(target.dsaId()));
        accessible("diff");
    }

    /**
     * The documents: import the sample as a spreadsheet (CSV, written by the library's writer), generate the
     * ICB letter and mark it sent, import the ICB's answered questionnaire, see the diff and the follow-up;
     * axe-core on every documents page.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void theIcbLetterSentTheAnswersImportedTheDiffAndTheFollowUp() throws IOException {
        String base = "http://127.0.0.1:" + server.port();
        browser.get(server.address());
        Path csv = dir.resolve("millbrook-register.csv");
        org.dsarules.model.Register sample;
        try (var source = org.dsarules.register.RegisterFiles.open(SAMPLE, org.dsarules.register.RegisterFiles.Format.JSON)) {
            sample = org.dsarules.register.ReadResult.of(source).register();
        }
        Files.write(csv, RegisterText.write(sample, org.dsarules.register.RegisterFiles.Format.CSV));
        browser.get(base + "/import");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("import")).click();
        waiting().until(d -> !d.findElements(By.id("import-report")).isEmpty());

        browser.get(base + "/practices/Z99042/documents");
        accessible("documents");
        for (Campaign.Kind k : Campaign.Kind.values()) {
            browser.get(base + "/practices/Z99042/documents/" + k.slug);
            assertTrue(!browser.findElement(By.id("document")).getText().isBlank(), k.slug);
            accessible("document " + k.slug);
        }
        browser.get(base + "/practices/Z99042/documents/icb-letter");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('sentOn').value = arguments[0];",
                workspace.today().minusDays(40).toString());
        browser.findElement(By.id("mark-sent")).click();
        waiting().until(d -> !d.findElements(By.id("marked")).isEmpty());
        accessible("document marked sent");
        browser.get(base + "/");
        assertTrue(browser.findElement(By.cssSelector("[data-practice=Z99042] .due")).getText().contains("Replies overdue"));
        int requested = workspace.currentVersion("Z99042");

        // The ICB answers the questionnaire the workspace wrote (one row wrongly, so it is refused).
        Path answers = dir.resolve("answers.csv");
        java.io.StringWriter w = new java.io.StringWriter();
        org.dsarules.round.Questionnaire.write(CampaignTest.answered(new Campaign(workspace).document("Z99042",
                Campaign.Kind.QUESTIONNAIRE, workspace.today()).text(), workspace.register("Z99042", requested), workspace), w);
        Files.writeString(answers, w.toString());
        browser.get(base + "/practices/Z99042/answers");
        accessible("answers form");
        browser.findElement(By.id("file")).sendKeys(answers.toString());
        browser.findElement(By.id("import-answers")).click();
        waiting().until(d -> !d.findElements(By.id("answers-report")).isEmpty());
        assertTrue(browser.findElement(By.id("refused")).getText().contains("MB-13"));
        accessible("answers report");
        browser.findElement(By.id("answers-diff")).click();
        waiting().until(d -> !d.findElements(By.id("changes")).isEmpty());
        assertEquals(requested + 1, workspace.currentVersion("Z99042"));
        accessible("diff after the answers");

        browser.get(base + "/practices/Z99042/documents");
        assertTrue(!browser.findElements(By.id("follow-up-due")).isEmpty(), "the reply is recorded: the follow-up is due");
        browser.get(base + "/practices/Z99042/documents/follow-up");
        String followUp = browser.findElement(By.id("document")).getText();
        assertTrue(followUp.contains("MB-09"), followUp);
        accessible("follow-up");

        browser.get(base + "/practices/Z99042/agreements/MB-13");
        waiting().until(d -> !d.findElements(By.id("settle-heading")).isEmpty());
        accessible("agreement with what would settle it");
    }
}
