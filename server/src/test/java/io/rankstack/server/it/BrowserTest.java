package io.rankstack.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rankstack.server.config.LearnLoopService;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The page in a real browser (Debian's headless Chromium through chromedriver): search, click a
 * result, and find the click event in the {@code rankstack.clicks} Kafka topic. Skipped only where
 * Chromium is not installed (CI installs it in .ci/run).
 */
class BrowserTest extends ServerTestBase {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @Autowired
  LearnLoopService learnLoop;

  @Test
  void searchAndClickInTheBrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "Debian chromium and chromium-driver are not installed");
    Path profile = Files.createTempDirectory("rankstack-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    String docId;
    try {
      driver.get("http://127.0.0.1:" + port + "/");
      driver.findElement(By.id("q")).sendKeys("supersonic jet noise");
      driver.findElement(By.id("go")).click();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#results li"), 2));
      WebElement second = driver.findElements(By.cssSelector("#results li")).get(1);
      docId = second.getAttribute("data-doc-id");
      assertTrue(second.findElement(By.cssSelector(".snippet")).getAttribute("innerHTML").contains("<mark>"));
      second.findElement(By.cssSelector("a.title")).click();
      wait.until(ExpectedConditions.textToBePresentInElement(second, "click recorded"));
      assertTrue(driver.findElement(By.id("trace-box")).isDisplayed(), "the stage trace is available");
    } finally {
      driver.quit();
    }

    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, learnLoop.loop().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "browser-test-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    boolean found = false;
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(Topics.DEFAULT.clicks()));
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!found && System.nanoTime() < end) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          ClickEvent e = EventJson.readClick(r.value(), r.key());
          if (e.docId().equals(docId) && e.position() == 2 && e.contextKey().equals("supersonic jet noise")) {
            found = true;
          }
        }
      }
    }
    assertTrue(found, "the click on document " + docId + " at position 2 reached the clicks topic");
  }
}
